namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>The emulator's tokenizer: one token per four characters, rounded up — simple, and the same for every run.</summary>
internal static class TokenCount
{
    public static int Of(int characters) => (characters + 3) / 4;

    public static int Of(string text) => Of(text.Length);
}
