using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Cli.Tests.Support;

/// <summary>
/// What the emulator billed for requests it received: each recorded chat request is sent again, byte for byte (the emulator
/// answers as a function of the request alone), and the <c>usage.cost</c> of its stream is read. An independent check of
/// the cost the CLI reports.
/// </summary>
public static class EmulatorBilling
{
    public static async Task<decimal> CostOfAsync(OpenRouterEmulator emulator, IEnumerable<JournalEntry> requests)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(requests);
        using var http = new HttpClient();
        var total = 0m;
        foreach (var entry in requests.ToList())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.Origin, entry.Path)) { Content = new ByteArrayContent(entry.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(entry.Header("Authorization")!);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            decimal? cost = null;
            foreach (var line in body.Split('\n'))
            {
                if (line.StartsWith("data: {", StringComparison.Ordinal) && JsonNode.Parse(line["data: ".Length..])?["usage"]?["cost"] is JsonValue value)
                {
                    cost = value.GetValue<decimal>();
                }
            }
            total += cost ?? throw new InvalidOperationException($"no usage.cost in the replayed answer: {body}");
        }
        return total;
    }
}
