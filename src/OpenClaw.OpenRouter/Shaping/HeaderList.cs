namespace OpenClaw.OpenRouter.Shaping;

/// <summary>Request headers in the order they were set; names compared case-insensitively, a later set replacing an earlier one.</summary>
internal sealed class HeaderList : List<KeyValuePair<string, string>>
{
    public string? this[string name] => IndexOf(name) is var i and >= 0 ? base[i].Value : null;

    public void Set(string name, string value)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            base[i] = new(base[i].Key, value);
        }
        else
        {
            Add(new(name, value));
        }
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    public void Remove(string name)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            RemoveAt(i);
        }
    }

    private int IndexOf(string name) => FindIndex(pair => pair.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
}
