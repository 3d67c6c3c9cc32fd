namespace OpenClaw.LoadBench;

/// <summary>One request's body size and the stream it got back, read whole by the raw client.</summary>
internal sealed record WireCapture(int Status, int RequestBytes, int ResponseBytes, int DataEvents, int CommentLines, TimeSpan Elapsed);
