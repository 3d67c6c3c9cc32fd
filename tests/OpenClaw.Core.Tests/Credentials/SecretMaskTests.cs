using OpenClaw.Core.Credentials;

namespace OpenClaw.Core.Tests.Credentials;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("sk-or-v1-abcdef0123456789", "sk-or-v1…")]
    [InlineData("0123456789abcdef", "01234567…")]
    [InlineData("0123456789abcde", "…")]
    [InlineData("x", "…")]
    [InlineData("", "-")]
    [InlineData(null, "-")]
    public void Shows_at_most_the_first_eight_characters(string? secret, string shown) =>
        Assert.Equal(shown, SecretMask.Mask(secret));

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var masked = SecretMask.Mask("1234567😀abcdefghij");

        Assert.Equal("1234567…", masked);
    }
}
