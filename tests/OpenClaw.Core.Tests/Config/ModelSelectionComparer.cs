using OpenClaw.Core.Config;

namespace OpenClaw.Core.Tests.Config;

/// <summary>Records compare lists by reference; selections are equal when their refs and timeout are.</summary>
internal sealed class ModelSelectionComparer : IEqualityComparer<ModelSelection>
{
    public static ModelSelectionComparer Instance { get; } = new();

    public bool Equals(ModelSelection? x, ModelSelection? y) =>
        x is not null && y is not null && x.Primary == y.Primary && x.TimeoutMs == y.TimeoutMs && x.Fallbacks.SequenceEqual(y.Fallbacks);

    public int GetHashCode(ModelSelection obj) => HashCode.Combine(obj.Primary, obj.TimeoutMs, obj.Fallbacks.Count);
}
