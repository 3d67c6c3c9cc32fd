// The session tests check Unix file modes of the database and lock files; the suite runs on Linux and macOS.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
