namespace OpenClaw.OpenRouter.Emulator;

/// <summary>Faults queued for upcoming requests; each request takes the first rule that matches it.</summary>
/// <remarks>Thread-safe. A request that carries an <c>X-Emulator-Fault</c> header uses the header instead.</remarks>
public sealed class FaultQueue
{
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];
    private readonly Lock _gate = new();

    /// <summary>Queues a rule behind the existing ones.</summary>
    public void Enqueue(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add((rule, rule.Times));
        }
    }

    /// <summary>Queues <paramref name="directive"/> (e.g. <c>"rate-limit; retry-after=3"</c>) for the next request to <paramref name="pathSuffix"/>.</summary>
    public void Enqueue(string directive, string? pathSuffix = null, string? model = null, int times = 1)
        => Enqueue(new FaultRule(FaultDirective.Parse(directive), pathSuffix, model, times));

    /// <summary>Removes every queued rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rules still queued, with how many requests each will still affect (negative: unlimited).</summary>
    public IReadOnlyList<(FaultRule Rule, int Remaining)> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    internal FaultDirective? Take(string path, string? model)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (rule.PathSuffix is not null && !path.EndsWith(rule.PathSuffix, StringComparison.Ordinal))
                {
                    continue;
                }
                if (rule.Model is not null && !string.Equals(rule.Model, model, StringComparison.Ordinal))
                {
                    continue;
                }
                if (remaining > 0)
                {
                    if (remaining == 1)
                    {
                        _rules.RemoveAt(i);
                    }
                    else
                    {
                        _rules[i] = (rule, remaining - 1);
                    }
                }
                return rule.Directive;
            }
            return null;
        }
    }
}
