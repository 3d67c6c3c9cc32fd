namespace OpenClaw.Agent.Tests.Sessions;

/// <summary>
/// An arbitrary CLR object. The store writes JSON without the reflection serializer (trim/AOT friendly), so a message holding
/// one fails to serialize — a way to make a commit fail after some of its messages were written.
/// </summary>
internal sealed class Unserializable
{
    public string Value => "never written";
}
