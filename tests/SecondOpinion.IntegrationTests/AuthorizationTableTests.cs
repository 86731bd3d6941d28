using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using static SecondOpinion.IntegrationTests.AuthorizationTableTests.Answer;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// Who may do what, proven for every endpoint of the app. The endpoints come from the app's
/// endpoint data source, so a new page or handler without a row here fails the test; the
/// expected answer for each kind of caller is written in <see cref="Expected"/>, one row per
/// GET or POST handler, one column per caller.
/// </summary>
public class AuthorizationTableTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The kinds of caller, in the order of the table's columns.</summary>
    public enum Caller
    {
        Anonymous,
        Stranger,
        Owner,
        Caregiver,
        Viewer,
        RemovedMember,
    }

    /// <summary>What the caller gets. Ok: the page, or the handler ran (a redirect after a change, or the form with its messages).</summary>
    public enum Answer
    {
        Ok,
        SignIn,
        NotFound,
        Forbidden,
        Gone,
    }

    // The table. Columns: Anonymous, Stranger, Owner, Caregiver, Viewer, RemovedMember.
    // Keys: "METHOD route template" and, for a named handler, " handler=Name".
    private static readonly Dictionary<string, Answer[]> Expected = new()
    {
        ["GET /"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /error"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["GET /health"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /{**path:file}"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/sign-in"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/sign-in"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/register"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/register"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/forgot-password"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/forgot-password"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/reset-password"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/reset-password"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/sign-out"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/sign-out"] = [Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /invites/{token}"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["POST /invites/{token}"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],

        ["GET /plans"] = [SignIn, Ok, Ok, Ok, Ok, Ok],
        ["GET /plans/new"] = [SignIn, Ok, Ok, Ok, Ok, Ok],
        ["POST /plans/new"] = [SignIn, Ok, Ok, Ok, Ok, Ok],
        ["GET /plans/{planId:guid}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["GET /plans/{planId:guid}/details"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/details"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/steps/{step:int:range(1,6)}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/steps/{step:int:range(1,6)}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/activity"] = [SignIn, NotFound, Ok, Ok, NotFound, NotFound],
        ["GET /plans/{planId:guid}/leave"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/leave"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["GET /plans/{planId:guid}/sharing"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Invite"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Cancel"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Resend"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Role"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Remove"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound],

        ["GET /plans/{planId:guid}/doctors"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/doctors handler=Pick"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/doctor/{doctorId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/doctor/{doctorId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/doctor/{doctorId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/doctor/{doctorId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],

        ["GET /plans/{planId:guid}/insurance"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/insurance"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/insurance/call/{callId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/insurance/call/{callId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/insurance/call/{callId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/insurance/call/{callId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],

        ["GET /plans/{planId:guid}/records"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/records handler=StepDone"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/records/new"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/new"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=MakeReady"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Reopen"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Signed"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Sent"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Received"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Call"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}/edit"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int}/edit"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}/print"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}/print handler=Pdf"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],

        ["GET /plans/{planId:guid}/questions"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Add"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Move"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Asked"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Restore"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/questions/{questionId:int}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/questions/{questionId:int}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/questions/suggestions"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/questions/suggestions"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/questions/print"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["GET /plans/{planId:guid}/reading"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/reading handler=Add"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/reading handler=Remove"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/reading handler=Restore"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],

        ["GET /plans/{planId:guid}/visit"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/visit"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/visit handler=Bring"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/visit handler=Calendar"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["GET /plans/{planId:guid}/visit/brief"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/visit/brief"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],

        ["GET /plans/{planId:guid}/opinions"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound],
        ["POST /plans/{planId:guid}/opinions handler=Compare"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/opinions handler=Finish"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/opinions handler=Reopen"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/opinion/{opinionId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/opinion/{opinionId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["GET /plans/{planId:guid}/opinion/{opinionId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
        ["POST /plans/{planId:guid}/opinion/{opinionId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound],
    };

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_the_table_says()
    {
        await using var app = new TestApp();
        await using var people = await People.SignUpAsync(app);
        var requests = EndpointRequests(app);

        var missing = requests.Select(r => r.Key).Where(key => !Expected.ContainsKey(key)).ToList();
        var stale = Expected.Keys.Except(requests.Select(r => r.Key)).ToList();
        Assert.True(missing.Count == 0, "Endpoints with no row in the table:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints the app no longer has:\n" + string.Join("\n", stale));

        var wrong = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            // Each kind of caller works on its own copy of the plan, so one caller's deletions never change another's answers.
            var world = await World.SeedAsync(app, people);
            foreach (var request in requests.OrderBy(r => r.RunOrder))
            {
                var got = await people.SendAsync(caller, request, world, Token);
                var expected = Expected[request.Key][(int)caller];
                if (got != expected)
                {
                    wrong.Add($"{request.Key} as {caller}: expected {expected}, got {got}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from the table:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_id_from_another_plan_in_the_route_finds_nothing_even_for_the_owner()
    {
        await using var app = new TestApp();
        await using var people = await People.SignUpAsync(app);
        var own = await World.SeedAsync(app, people);
        var other = await World.SeedAsync(app, people, ownerIsStranger: true);
        var before = await other.SnapshotAsync(app);

        var wrong = new List<string>();
        foreach (var request in EndpointRequests(app).Where(r => r.Template.Contains("Id:int", StringComparison.Ordinal)).OrderBy(r => r.RunOrder))
        {
            var mixed = own with { ChildIds = other.ChildIds };
            var got = await people.SendAsync(Caller.Owner, request, mixed, Token);
            if (got != NotFound)
            {
                wrong.Add($"{request.Key} with the other plan's ids: got {got}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await other.SnapshotAsync(app));
    }

    [Fact]
    public async Task An_id_from_another_plan_in_a_form_field_changes_nothing_there()
    {
        await using var app = new TestApp();
        await using var people = await People.SignUpAsync(app);
        var own = await World.SeedAsync(app, people);
        var other = await World.SeedAsync(app, people, ownerIsStranger: true);
        var before = await other.SnapshotAsync(app);
        var owner = people.Client(Caller.Owner);

        var posted = 0;
        foreach (var path in new[] { "questions", "reading", "sharing", "doctors" })
        {
            var page = await owner.GetAsync($"/plans/{own.PlanId}/{path}", Token);
            foreach (var form in page.Document.QuerySelectorAll("main form[method=post]"))
            {
                var idFields = form.QuerySelectorAll("input[type=hidden]")
                    .Select(input => input.GetAttribute("name")!)
                    .Where(name => World.FormIdFields.ContainsKey(name))
                    .ToList();
                var action = form.GetAttribute("action") ?? "";
                var routeIds = World.FormIdFields.Keys.Where(name => action.Contains($"{name}=", StringComparison.Ordinal)).ToList();
                if (idFields.Count == 0 && routeIds.Count == 0)
                {
                    continue;
                }

                var values = idFields.ToDictionary(name => name, name => (string?)other.ChildIds[World.FormIdFields[name]].ToString());
                foreach (var name in routeIds)
                {
                    action = System.Text.RegularExpressions.Regex.Replace(action, $"{name}=\\d+", $"{name}={other.ChildIds[World.FormIdFields[name]]}");
                }

                form.SetAttribute("action", action);
                var answer = await owner.SubmitAsync(page, values, $"main form[action='{action}']", Token);
                Assert.True((int)answer.Status < 500, $"{action} answered {answer.Status}");
                posted++;
            }
        }

        Assert.True(posted >= 8, $"Only {posted} forms with ids were found");
        Assert.Equal(before, await other.SnapshotAsync(app));
    }

    /// <summary>One request to send: a GET or POST handler of one endpoint.</summary>
    private sealed record EndpointRequest(string Method, string Template, string? Handler)
    {
        public string Key => $"{Method} /{Template}" + (Handler is null ? "" : $" handler={Handler}");

        /// <summary>Reads first, then changes, and last the ones that take something away from the caller or the plan.</summary>
        public int RunOrder => Method == "GET" ? 0
            : Template.EndsWith("sign-out", StringComparison.Ordinal) ? 4
            : Template.EndsWith("leave", StringComparison.Ordinal) || Handler == "Remove" && Template.EndsWith("sharing", StringComparison.Ordinal) ? 3
            : Template.EndsWith("delete", StringComparison.Ordinal) || Handler is "Delete" or "Remove" or "Cancel" ? 2
            : 1;
    }

    private static List<EndpointRequest> EndpointRequests(TestApp app)
    {
        var pages = Endpoints.Pages(app)
            .SelectMany(page => page.Handlers.Count == 0
                ? [new EndpointRequest("GET", page.Template, null)]
                : page.Handlers.Select(h => new EndpointRequest(h.Method, page.Template, h.Name)))
            .Where(r => r.Method is "GET" or "POST");
        var others = Endpoints.Others(app).Select(template => new EndpointRequest("GET", template, null));
        return pages.Concat(others).DistinctBy(r => r.Key).ToList();
    }

    /// <summary>A plan with one of everything, and the ids of its rows by route value name.</summary>
    private sealed record World(Guid PlanId, IReadOnlyDictionary<string, int> ChildIds)
    {
        /// <summary>Hidden form fields that carry a row's id, and which row's.</summary>
        public static readonly Dictionary<string, string> FormIdFields = new()
        {
            ["id"] = "questionId",
            ["swapWith"] = "questionId",
            ["memberId"] = "memberId",
            ["inviteId"] = "inviteId",
            ["doctorId"] = "doctorId",
        };

        /// <summary>The fields of a post made by hand, when the page shows no form for the handler: the token and the ids its forms carry.</summary>
        public Dictionary<string, string> FieldsFor(string template, string antiforgeryToken) => new()
        {
            ["__RequestVerificationToken"] = antiforgeryToken,
            ["id"] = ChildIds[template.EndsWith("reading", StringComparison.Ordinal) ? "readingId" : "questionId"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["memberId"] = ChildIds["memberId"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["inviteId"] = ChildIds["inviteId"].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        public static async Task<World> SeedAsync(TestApp app, People people, bool ownerIsStranger = false)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var ownerId = people.UserIds[ownerIsStranger ? Caller.Stranger : Caller.Owner];
            var plan = Plan.Start(ownerId, PlanFor.SomeoneIHelp, "Maria Lopez", "Knee surgery", now);
            if (!ownerIsStranger)
            {
                plan.Members.Add(new PlanMember { UserId = people.UserIds[Caller.Caregiver], Role = PlanRole.Caregiver, JoinedAtUtc = now });
                plan.Members.Add(new PlanMember { UserId = people.UserIds[Caller.Viewer], Role = PlanRole.Viewer, JoinedAtUtc = now });
            }

            db.Plans.Add(plan);
            var doctor = new Doctor { PlanId = plan.Id, Name = "Dr. Chen", CreatedAtUtc = now, UpdatedAtUtc = now };
            var second = new Doctor { PlanId = plan.Id, Name = "Dr. Park", CreatedAtUtc = now, UpdatedAtUtc = now };
            var call = new InsuranceCall { PlanId = plan.Id, Company = "Acme Health", CalledOn = DateOnly.FromDateTime(now), CreatedAtUtc = now, UpdatedAtUtc = now };
            var records = RecordsRequest.Start(plan, RecordsRoute.RightOfAccess, DateOnly.FromDateTime(now), now);
            var first = new Question { PlanId = plan.Id, Text = "How long is recovery?", Position = 1, CreatedAtUtc = now, UpdatedAtUtc = now };
            var next = new Question { PlanId = plan.Id, Text = "What if I wait?", Position = 2, CreatedAtUtc = now, UpdatedAtUtc = now };
            var reading = new ReadingItem { PlanId = plan.Id, Title = "Knee basics", CreatedAtUtc = now };
            var opinion = new Opinion { PlanId = plan.Id, Order = OpinionOrder.First, DoctorName = "Dr. Chen", GivenOn = DateOnly.FromDateTime(now), CreatedAtUtc = now, UpdatedAtUtc = now };
            db.AddRange(doctor, second, call, records, first, next, reading, opinion);
            await db.SaveChangesAsync(Token);
            db.Visits.Add(new Visit { PlanId = plan.Id, DoctorId = doctor.Id, StartsAtUtc = now.AddDays(10), Kind = VisitKind.InPerson, Place = "400 College Avenue", CreatedAtUtc = now, UpdatedAtUtc = now });
            var invite = PlanInvite.Create(plan.Id, Journeys.NewEmail(), PlanRole.Viewer, ownerId, SecondOpinion.Web.Infrastructure.SecretTokens.New().Hash, now);
            db.PlanInvites.Add(invite);
            var removed = new PlanMember { PlanId = plan.Id, UserId = people.UserIds[Caller.RemovedMember], Role = PlanRole.Caregiver, JoinedAtUtc = now };
            db.PlanMembers.Add(removed);
            await db.SaveChangesAsync(Token);
            db.PlanMembers.Remove(removed);
            await db.SaveChangesAsync(Token);

            var member = plan.Members.First(m => m.Role != PlanRole.Owner || ownerIsStranger);
            return new World(plan.Id, new Dictionary<string, int>
            {
                ["doctorId"] = doctor.Id,
                ["callId"] = call.Id,
                ["requestId"] = records.Id,
                ["questionId"] = first.Id,
                ["opinionId"] = opinion.Id,
                ["memberId"] = member.Id,
                ["inviteId"] = invite.Id,
                ["readingId"] = reading.Id,
            });
        }

        /// <summary>Everything in the plan that a stray id could change, as one comparable string.</summary>
        public async Task<string> SnapshotAsync(TestApp app) => await app.QueryAsync(async db => string.Join("|",
            string.Join(",", await db.Questions.IgnoreQueryFilters().Where(q => q.PlanId == PlanId).OrderBy(q => q.Id).Select(q => $"{q.Id}:{q.Position}:{q.IsAsked}:{q.DeletedAtUtc}:{q.Version}").ToListAsync(Token)),
            string.Join(",", await db.ReadingItems.Where(r => r.PlanId == PlanId).OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.DeletedAtUtc}").ToListAsync(Token)),
            string.Join(",", await db.PlanMembers.Where(m => m.PlanId == PlanId).OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Role}").ToListAsync(Token)),
            string.Join(",", await db.PlanInvites.Where(i => i.PlanId == PlanId).OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.TokenHash}:{i.CancelledAtUtc}").ToListAsync(Token)),
            string.Join(",", await db.Doctors.Where(d => d.PlanId == PlanId).OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.IsSecondOpinionDoctor}:{d.Version}").ToListAsync(Token)),
            string.Join(",", await db.RecordsRequests.Where(r => r.PlanId == PlanId).OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Status}:{r.Version}").ToListAsync(Token))));
    }

    /// <summary>One signed-in client per kind of caller (the anonymous one has no account).</summary>
    private sealed class People : IAsyncDisposable
    {
        private readonly Dictionary<Caller, AppClient> clients = [];
        private readonly Dictionary<Caller, string> emails = [];

        /// <summary>A second session of the owner that only reads pages, for their forms; it never posts, so it never signs itself out.</summary>
        private AppClient formSource = null!;

        public Dictionary<Caller, string> UserIds { get; } = [];

        public static async Task<People> SignUpAsync(TestApp app)
        {
            var people = new People();
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var client = new AppClient(app, followRedirects: false);
                people.clients[caller] = client;
                if (caller == Caller.Anonymous)
                {
                    continue;
                }

                var email = Journeys.NewEmail();
                await client.SignUpAsync(email, Token);
                people.emails[caller] = email;
                people.UserIds[caller] = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Token));
            }

            people.formSource = new AppClient(app, followRedirects: false);
            await people.formSource.SignInAsync(people.emails[Caller.Owner], cancellationToken: Token);
            return people;
        }

        public AppClient Client(Caller caller) => clients[caller];

        public async Task<Answer> SendAsync(Caller caller, EndpointRequest request, World world, CancellationToken cancellationToken)
        {
            var client = clients[caller];
            var path = PathFor(request.Template, world) + (request.Handler is null ? "" : $"?handler={request.Handler}");
            HtmlPage page;
            if (request.Method == "GET")
            {
                page = await client.GetAsync(path, cancellationToken);
            }
            else
            {
                // The owner's form for this handler, as the page renders it, posted by this caller with the caller's own antiforgery token.
                var source = await formSource.GetAsync(PathFor(request.Template, world), cancellationToken);
                var selector = request.Handler is null
                    ? "main form[method=post]:not([action*='handler='])"
                    : $"main form[method=post][action*='handler={request.Handler}']";
                var token = await FormTokenAsync(client, cancellationToken);
                page = source.Status == HttpStatusCode.OK && source.Document.QuerySelector(selector) is not null
                    ? await client.SubmitAsync(source, new Dictionary<string, string?> { ["__RequestVerificationToken"] = token }, selector, cancellationToken)
                    : await client.PostAsync(path, world.FieldsFor(request.Template, token), cancellationToken);
            }

            return Classify(page);
        }

        private static async Task<string> FormTokenAsync(AppClient client, CancellationToken cancellationToken)
        {
            var form = await client.GetAsync("/account/forgot-password", cancellationToken);
            return form.Document.QuerySelector("main input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        }

        private static Answer Classify(HtmlPage page) => page.Status switch
        {
            HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                when page.Url.AbsolutePath.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase) => SignIn,
            HttpStatusCode.NotFound => NotFound,
            HttpStatusCode.Forbidden => Forbidden,
            HttpStatusCode.Gone => Gone,
            < HttpStatusCode.BadRequest => Ok,
            _ => throw new InvalidOperationException($"{page.Url} answered {(int)page.Status}"),
        };

        private static string PathFor(string template, World world) =>
            Endpoints.PathFor(template, world.PlanId, name => name == "path"
                ? "robots.txt"
                : world.ChildIds.TryGetValue(name, out var id) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

        public async ValueTask DisposeAsync()
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            formSource.Dispose();

            await Task.CompletedTask;
        }
    }
}
