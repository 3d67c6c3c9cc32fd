// The end-to-end tests check Unix file modes and symbolic links; they run on Linux and macOS.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
