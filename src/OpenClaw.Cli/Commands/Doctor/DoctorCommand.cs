using System.CommandLine;
using OpenClaw.Cli.Hosting;

namespace OpenClaw.Cli.Commands.Doctor;

/// <summary><c>openclaw doctor</c> (CLI spec §6).</summary>
public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("doctor", "Check the config, models and API key; --probe asks OpenRouter about the key.");
    }
}
