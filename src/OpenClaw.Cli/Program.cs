return await OpenClaw.Cli.CliApplication.RunAsync(args).ConfigureAwait(false);
