using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
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
        PacketLinkHolder,
        ExpiredPacketLinkHolder,
        EndedPacketLinkHolder,
        StaffOfThePlansClinic,
        StaffOfAnotherClinic,
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

    // The table. Columns: Anonymous, Stranger, Owner, Caregiver, Viewer, RemovedMember, then three
    // people without an account who hold a visit packet link: one that works, one expired, one ended;
    // then the staff of the clinic whose start link began the plan, and staff of another clinic.
    // Clinic staff are not plan members: every plan page is 404 for them.
    // Keys: "METHOD route template" and, for a named handler, " handler=Name".
    private static readonly Dictionary<string, Answer[]> Expected = new()
    {
        ["GET /"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /error"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["GET /health"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /health/live"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /{**path:file}"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/sign-in"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/sign-in"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/sign-in handler=PasskeyOptions"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/sign-in handler=Passkey"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/register"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/register"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/forgot-password"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/forgot-password"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/reset-password"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/reset-password"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /account handler=ChangePassword"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /account handler=ChangeEmail"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /account handler=ResendConfirmation"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /account handler=SignOutEverywhere"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /account handler=PasskeyOptions"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /account handler=AddPasskey"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        // No one in the table has a passkey, so every id finds nothing.
        ["POST /account handler=RemovePasskey"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /account/passkey"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /account/passkey"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /account/confirm-email"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/confirm-email"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /account/export"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["GET /account/export handler=Json"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["GET /account/export handler=Html"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["GET /account/delete"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /account/delete"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["GET /account/sign-out"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /account/sign-out"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /packet/{token}"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, Ok, Gone, Gone, NotFound, NotFound],
        ["GET /invites/{token}"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["POST /invites/{token}"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],

        ["GET /clinics"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["GET /clinics/join/{token}"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["POST /clinics/join/{token}"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["GET /clinics/{clinicId:guid}"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["POST /clinics/{clinicId:guid}"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["GET /clinics/{clinicId:guid}/staff"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["POST /clinics/{clinicId:guid}/staff handler=Invite"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["POST /clinics/{clinicId:guid}/staff handler=Cancel"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["POST /clinics/{clinicId:guid}/staff handler=Resend"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["POST /clinics/{clinicId:guid}/staff handler=Remove"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["GET /clinics/{clinicId:guid}/packets"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["GET /clinics/{clinicId:guid}/packets/{packetId:int}"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["GET /clinics/{clinicId:guid}/start-links"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["POST /clinics/{clinicId:guid}/start-links"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["POST /clinics/{clinicId:guid}/start-links handler=Retire"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["GET /clinics/{clinicId:guid}/start-links/{linkId:int}/print"] = [SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, Ok, NotFound],
        ["GET /start/{token}"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /start/{token}"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],

        ["GET /plans"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["GET /plans/new"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["POST /plans/new"] = [SignIn, Ok, Ok, Ok, Ok, Ok, SignIn, SignIn, SignIn, Ok, Ok],
        ["GET /plans/{planId:guid}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/details"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/details"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/steps/{step:int:range(1,6)}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/steps/{step:int:range(1,6)}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/activity"] = [SignIn, NotFound, Ok, Ok, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/delete"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/delete"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/leave"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/leave"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/sharing"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Invite"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Cancel"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Resend"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Role"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/sharing handler=Remove"] = [SignIn, NotFound, Ok, NotFound, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],

        ["GET /plans/{planId:guid}/packet"] = [SignIn, NotFound, Ok, Ok, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/packet handler=Create"] = [SignIn, NotFound, Ok, Ok, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/packet handler=Revoke"] = [SignIn, NotFound, Ok, Ok, NotFound, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],

        ["GET /plans/{planId:guid}/doctors"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/doctors handler=Pick"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/doctor/{doctorId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/doctor/{doctorId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/doctor/{doctorId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/doctor/{doctorId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],

        ["GET /plans/{planId:guid}/insurance"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/insurance"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/insurance/call/{callId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/insurance/call/{callId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/insurance/call/{callId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/insurance/call/{callId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],

        ["GET /plans/{planId:guid}/records"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records handler=StepDone"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/records/new"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/new"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=MakeReady"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Reopen"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Signed"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Sent"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Received"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Call"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int} handler=Delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}/edit"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/records/{requestId:int}/edit"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}/print"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/records/{requestId:int}/print handler=Pdf"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],

        ["GET /plans/{planId:guid}/questions"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Add"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Move"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Asked"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/questions handler=Restore"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/questions/{questionId:int}"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/questions/{questionId:int}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/questions/suggestions"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/questions/suggestions"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/questions/print"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/reading"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/reading handler=Add"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/reading handler=Remove"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/reading handler=Restore"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],

        ["GET /plans/{planId:guid}/visit"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/visit"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/visit handler=Bring"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/visit handler=Calendar"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/visit/brief"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/visit/brief"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],

        ["GET /plans/{planId:guid}/opinions"] = [SignIn, NotFound, Ok, Ok, Ok, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/opinions handler=Compare"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/opinions handler=Finish"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/opinions handler=Reopen"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/opinion/{opinionId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/opinion/{opinionId:int?}"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["GET /plans/{planId:guid}/opinion/{opinionId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
        ["POST /plans/{planId:guid}/opinion/{opinionId:int}/delete"] = [SignIn, NotFound, Ok, Ok, Forbidden, NotFound, SignIn, SignIn, SignIn, NotFound, NotFound],
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
            var world = await people.SeedPlanAsync(app);
            await people.SignInFormSourceAsync();
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
        var own = await people.SeedPlanAsync(app);
        var other = await SeededPlan.SeedAsync(app, people.UserIds[Caller.Stranger]);
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
        var own = await people.SeedPlanAsync(app);
        var other = await SeededPlan.SeedAsync(app, people.UserIds[Caller.Stranger]);
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
                    .Where(name => SeededPlan.FormIdFields.ContainsKey(name))
                    .ToList();
                var action = form.GetAttribute("action") ?? "";
                var routeIds = SeededPlan.FormIdFields.Keys.Where(name => action.Contains($"{name}=", StringComparison.Ordinal)).ToList();
                if (idFields.Count == 0 && routeIds.Count == 0)
                {
                    continue;
                }

                var values = idFields.ToDictionary(name => name, name => (string?)other.Id(SeededPlan.FormIdFields[name]));
                foreach (var name in routeIds)
                {
                    action = System.Text.RegularExpressions.Regex.Replace(action, $"{name}=\\d+", $"{name}={other.Id(SeededPlan.FormIdFields[name])}");
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
            : Template.EndsWith("sign-out", StringComparison.Ordinal) || Handler == "SignOutEverywhere" ? 5
            : Template == "plans/{planId:guid}/delete" ? 4
            : Template.EndsWith("leave", StringComparison.Ordinal) || Handler == "Remove" && Template.EndsWith("sharing", StringComparison.Ordinal) ? 3
            : Template.EndsWith("delete", StringComparison.Ordinal) || Handler is "Delete" or "Remove" or "Cancel" or "Retire" ? 2
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

    /// <summary>One signed-in client per kind of caller (the anonymous one has no account).</summary>
    private sealed class People(TestApp app) : IAsyncDisposable
    {
        private readonly Dictionary<Caller, AppClient> clients = [];
        private readonly Dictionary<Caller, string> emails = [];

        /// <summary>A second session of the owner that only reads pages, for their forms; it never posts, so it never signs itself out.</summary>
        private AppClient? formSource;

        public Dictionary<Caller, string> UserIds { get; } = [];

        public static async Task<People> SignUpAsync(TestApp app)
        {
            var people = new People(app);
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var client = new AppClient(app, followRedirects: false);
                people.clients[caller] = client;
                if (!HasAccount(caller))
                {
                    continue;
                }

                var email = Journeys.NewEmail();
                await client.SignUpAsync(email, Token);
                people.emails[caller] = email;
                people.UserIds[caller] = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Token));
            }

            await people.SignInFormSourceAsync();
            return people;
        }

        /// <summary>A fresh session for the form source: the owner's sign-out in an earlier round ended every session of theirs.</summary>
        public async Task SignInFormSourceAsync()
        {
            formSource?.Dispose();
            formSource = new AppClient(app, followRedirects: false);
            await formSource.SignInAsync(emails[Caller.Owner], cancellationToken: Token);
        }

        public AppClient Client(Caller caller) => clients[caller];

        private static bool HasAccount(Caller caller) =>
            caller is not (Caller.Anonymous or Caller.PacketLinkHolder or Caller.ExpiredPacketLinkHolder or Caller.EndedPacketLinkHolder);

        /// <summary>The visit packet link this caller holds, if any.</summary>
        private static string? PacketTokenOf(Caller caller, SeededPlan plan) => caller switch
        {
            Caller.PacketLinkHolder => plan.PacketTokens[PacketLinkStatus.Active],
            Caller.ExpiredPacketLinkHolder => plan.PacketTokens[PacketLinkStatus.Expired],
            Caller.EndedPacketLinkHolder => plan.PacketTokens[PacketLinkStatus.Revoked],
            _ => null,
        };

        /// <summary>A plan of the owner's with the caregiver and the viewer on it, the removed member taken off it, started from a clinic's link.</summary>
        public Task<SeededPlan> SeedPlanAsync(TestApp app) => SeededPlan.SeedAsync(
            app,
            UserIds[Caller.Owner],
            [(UserIds[Caller.Caregiver], PlanRole.Caregiver), (UserIds[Caller.Viewer], PlanRole.Viewer)],
            removedUserId: UserIds[Caller.RemovedMember],
            clinicStaff: (UserIds[Caller.StaffOfThePlansClinic], UserIds[Caller.StaffOfAnotherClinic]));

        public async Task<Answer> SendAsync(Caller caller, EndpointRequest request, SeededPlan world, CancellationToken cancellationToken)
        {
            var client = clients[caller];
            var path = world.PathFor(request.Template, PacketTokenOf(caller, world)) + (request.Handler is null ? "" : $"?handler={request.Handler}");
            HtmlPage page;
            if (request.Method == "GET")
            {
                page = await client.GetAsync(path, cancellationToken);
            }
            else
            {
                // The owner's form for this handler, as the page renders it, posted by this caller with the caller's own antiforgery token.
                var source = await formSource!.GetAsync(world.PathFor(request.Template), cancellationToken);
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


        public async ValueTask DisposeAsync()
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            formSource?.Dispose();

            await Task.CompletedTask;
        }
    }
}
