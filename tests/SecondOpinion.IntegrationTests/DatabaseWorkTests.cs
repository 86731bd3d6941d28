using System.Net;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// How many SQL statements each busy page sends, the membership check included, counted from EF
/// Core's own "Executed DbCommand" log events. A page that starts asking once per section, or
/// once per row, fails here before it is slow anywhere else.
/// </summary>
public class DatabaseWorkTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Busy_pages_send_few_sql_statements()
    {
        await using var app = new TestApp(minimumLogLevel: "Information");
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await app.AddQuestionsDirectlyAsync(plan, 50, Token);
        var request = await client.StartRecordsRequestAsync(plan, RecordsJourneys.CompleteAuthorization(app), Token);

        var counts = new Dictionary<string, int>
        {
            ["home"] = await StatementsAsync(app, client, plan),
            ["questions"] = await StatementsAsync(app, client, $"{plan}/questions"),
            ["records request"] = await StatementsAsync(app, client, request.Url.AbsolutePath),
        };
        for (var step = 1; step <= 6; step++)
        {
            counts[$"step {step}"] = await StatementsAsync(app, client, $"{plan}/steps/{step}");
        }

        // Measured before this test existed: home 6, questions 3, records request 5, steps 4 to 7.
        var limits = new Dictionary<string, int>
        {
            ["home"] = 3, ["questions"] = 2, ["records request"] = 2,
            ["step 1"] = 3, ["step 2"] = 3, ["step 3"] = 4, ["step 4"] = 3, ["step 5"] = 4, ["step 6"] = 4,
        };
        Assert.Empty(counts.Where(c => c.Value > limits[c.Key]).Select(c => $"{c.Key} sent {c.Value} statements, at most {limits[c.Key]} expected"));
    }

    /// <summary>The statements one GET of the page sent (a warm second visit, as people see it).</summary>
    private static async Task<int> StatementsAsync(TestApp app, AppClient client, string path)
    {
        var warm = await client.GetAsync(path, Token);
        Assert.Equal(HttpStatusCode.OK, warm.Status);
        var before = Executed(app);
        var page = await client.GetAsync(path, Token);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return Executed(app) - before;
    }

    private static int Executed(TestApp app) => app.Logs.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
}
