using System.Text.Json.Nodes;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Cli.Commands.Doctor;

/// <summary>One result of <c>doctor</c>: <c>severity</c> is <c>error</c>, <c>warn</c> or <c>info</c>.</summary>
public sealed record DoctorFinding(string Id, string Severity, string Message, string? Fix = null)
{
    public const string Error = "error";
    public const string Warn = "warn";
    public const string Info = "info";

    /// <summary>What was found; a finding may quote the config (a refused URL, an invalid value), so a pasted key is masked.</summary>
    public string Message { get; init; } = SecretMask.Scrub(Message);

    /// <summary>The suggested repair, masked like <see cref="Message"/>.</summary>
    public string? Fix { get; init; } = Fix is null ? null : SecretMask.Scrub(Fix);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["severity"] = Severity, ["message"] = Message };
        if (Fix is not null)
        {
            json["fix"] = Fix;
        }
        return json;
    }
}
