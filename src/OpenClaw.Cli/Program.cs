return await OpenClaw.Cli.Hosting.CliApplication.RunAsync(args).ConfigureAwait(false);
