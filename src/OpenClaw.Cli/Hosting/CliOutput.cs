using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Cli.Hosting;

/// <summary>
/// How a command talks back: results on stdout, notes and errors on stderr. In <c>--json</c> mode stdout carries exactly
/// one JSON document (2-space indent) and nothing else.
/// </summary>
public sealed class CliOutput(CliContext context, bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>True when the command was asked for <c>--json</c>.</summary>
    public bool Json { get; } = json;

    public TextWriter Out => context.Out;

    public TextWriter Error => context.Error;

    /// <summary>A result line on stdout (text mode).</summary>
    public void Line(string text = "") => context.Out.WriteLine(text);

    /// <summary>A diagnostic line on stderr, whatever the mode.</summary>
    /// <remarks>Diagnostics quote errors and config values; a key-shaped token in them is masked (<see cref="SecretMask.Scrub"/>).</remarks>
    public void Note(string text) => context.Error.WriteLine(SecretMask.Scrub(text));

    /// <summary>The command's JSON document on stdout.</summary>
    public void WriteJson(JsonNode? document) => context.Out.WriteLine(Serialize(document));

    /// <summary>Pretty JSON as every command prints it.</summary>
    public static string Serialize(JsonNode? node) => node?.ToJsonString(JsonOptions) ?? "null";

    /// <summary>The error document of <c>--json</c> mode (CLI spec §1).</summary>
    public static JsonObject ErrorDocument(string message) => new()
    {
        ["ok"] = false,
        ["error"] = new JsonObject { ["type"] = "cli_error", ["message"] = message },
    };
}
