using System.Text.Json.Nodes;

namespace OpenClaw.Cli.Commands.Doctor;

/// <summary>One result of <c>doctor</c>: <c>severity</c> is <c>error</c>, <c>warn</c> or <c>info</c>.</summary>
public sealed record DoctorFinding(string Id, string Severity, string Message, string? Fix = null)
{
    public const string Error = "error";
    public const string Warn = "warn";
    public const string Info = "info";

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
