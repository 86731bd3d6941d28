using SecondOpinion.Web.Domain;
using Plans = SecondOpinion.Web.Pages.Plans;
using Doctors = SecondOpinion.Web.Pages.Doctors;
using Insurance = SecondOpinion.Web.Pages.Insurance;
using Records = SecondOpinion.Web.Pages.Records;
using Questions = SecondOpinion.Web.Pages.Questions;
using Visits = SecondOpinion.Web.Pages.Visits;
using Opinions = SecondOpinion.Web.Pages.Opinions;
using Sharing = SecondOpinion.Web.Pages.Sharing;
using Packet = SecondOpinion.Web.Pages.Packet;

namespace SecondOpinion.Web.Infrastructure.Activity;

/// <summary>
/// The one table of what each page and handler inside a plan means in plain words, for the
/// activity list: a GET is a read ("opened the questions page"), a POST a change ("added a
/// question"). A test checks that every handler of every plan page is here.
/// </summary>
public static class ActivityPhrases
{
    /// <summary>Accepting an invite happens outside the plan's pages; the invite page writes this line.</summary>
    public static string Accepted(PlanRole role) => role == PlanRole.Owner
        ? "took over the plan as its owner"
        : $"joined the plan as {PlanRoles.Name(role).ToLowerInvariant()}";

    /// <summary>Written by the public packet page, with no one signed in: the line has no actor and reads as a sentence of its own.</summary>
    public const string PacketOpened = "the visit packet link was opened";

    /// <summary>A staff member of the clinic the packet was shared with opened it from the clinic's list.</summary>
    public const string PacketOpenedByClinicStaff = "opened the visit packet as staff of the clinic it was shared with";

    /// <summary>Lines that name no person, so the activity list does not put a name (or "someone") before them.</summary>
    public static bool HasNoActor(string text) => text == PacketOpened;
    /// <summary>The plan's only owner deleted their account and gave the plan to this caregiver.</summary>
    public const string HandedOverAtAccountDeletion = "became the owner when the last owner deleted their account";

    private static readonly Dictionary<(Type Page, string Method, string Handler), string> Phrases = new()
    {
        [(typeof(Plans.HomeModel), "GET", "")] = "opened the plan",
        [(typeof(Plans.DetailsModel), "GET", "")] = "opened the plan's details",
        [(typeof(Plans.DetailsModel), "POST", "")] = "changed the plan's details",
        [(typeof(Plans.StepModel), "GET", "")] = "opened a step",
        [(typeof(Plans.StepModel), "POST", "")] = "changed a step's notes or status",
        [(typeof(Plans.ActivityModel), "GET", "")] = "opened the activity list",
        [(typeof(Plans.LeaveModel), "GET", "")] = "opened the page to leave the plan",
        [(typeof(Plans.LeaveModel), "POST", "")] = "left the plan",
        [(typeof(Plans.DeleteModel), "GET", "")] = "opened the page to delete the plan",
        // Never written: the activity list goes with the plan.
        [(typeof(Plans.DeleteModel), "POST", "")] = "deleted the plan",
        [(typeof(Sharing.IndexModel), "GET", "")] = "opened the sharing page",
        [(typeof(Sharing.IndexModel), "POST", "Invite")] = "invited someone to the plan",
        [(typeof(Sharing.IndexModel), "POST", "Cancel")] = "cancelled an invite",
        [(typeof(Sharing.IndexModel), "POST", "Resend")] = "sent an invite again",
        [(typeof(Sharing.IndexModel), "POST", "Role")] = "changed someone's role",
        [(typeof(Sharing.IndexModel), "POST", "Remove")] = "removed someone from the plan",
        [(typeof(Packet.IndexModel), "GET", "")] = "opened the visit packet links",
        [(typeof(Packet.IndexModel), "POST", "Create")] = "made a visit packet link",
        [(typeof(Packet.IndexModel), "POST", "Revoke")] = "revoked a visit packet link",

        [(typeof(Doctors.IndexModel), "GET", "")] = "opened the doctors list",
        [(typeof(Doctors.IndexModel), "POST", "Pick")] = "picked the doctor for the second opinion",
        [(typeof(Doctors.EditModel), "GET", "")] = "opened a doctor's details",
        [(typeof(Doctors.EditModel), "POST", "")] = "added or changed a doctor",
        [(typeof(Doctors.DeleteModel), "GET", "")] = "opened the page to delete a doctor",
        [(typeof(Doctors.DeleteModel), "POST", "")] = "deleted a doctor",

        [(typeof(Insurance.IndexModel), "GET", "")] = "opened the insurance page",
        [(typeof(Insurance.IndexModel), "POST", "")] = "changed the kind of insurance",
        [(typeof(Insurance.CallModel), "GET", "")] = "opened an insurance call",
        [(typeof(Insurance.CallModel), "POST", "")] = "added or changed an insurance call",
        [(typeof(Insurance.DeleteCallModel), "GET", "")] = "opened the page to delete an insurance call",
        [(typeof(Insurance.DeleteCallModel), "POST", "")] = "deleted an insurance call",

        [(typeof(Records.IndexModel), "GET", "")] = "opened the records requests",
        [(typeof(Records.IndexModel), "POST", "StepDone")] = "marked the records step done",
        [(typeof(Records.NewModel), "GET", "")] = "opened a new records request",
        [(typeof(Records.NewModel), "POST", "")] = "started a records request",
        [(typeof(Records.DetailsModel), "GET", "")] = "opened a records request",
        [(typeof(Records.DetailsModel), "POST", "MakeReady")] = "made a records request ready to sign",
        [(typeof(Records.DetailsModel), "POST", "Reopen")] = "put a records request back to draft",
        [(typeof(Records.DetailsModel), "POST", "Signed")] = "marked a records request signed",
        [(typeof(Records.DetailsModel), "POST", "Sent")] = "sent a records request",
        [(typeof(Records.DetailsModel), "POST", "Received")] = "marked records as received",
        [(typeof(Records.DetailsModel), "POST", "Call")] = "wrote down a call about a records request",
        [(typeof(Records.DetailsModel), "POST", "Delete")] = "deleted a records request",
        [(typeof(Records.EditModel), "GET", "")] = "opened a records request to change it",
        [(typeof(Records.EditModel), "POST", "")] = "changed a records request",
        [(typeof(Records.PrintModel), "GET", "")] = "opened a records request to print",
        [(typeof(Records.PrintModel), "GET", "Pdf")] = "downloaded a records request as a PDF",

        [(typeof(Questions.IndexModel), "GET", "")] = "opened the questions page",
        [(typeof(Questions.IndexModel), "POST", "Add")] = "added a question",
        [(typeof(Questions.IndexModel), "POST", "Move")] = "changed the order of the questions",
        [(typeof(Questions.IndexModel), "POST", "Asked")] = "marked a question asked or not asked",
        [(typeof(Questions.IndexModel), "POST", "Delete")] = "deleted a question",
        [(typeof(Questions.IndexModel), "POST", "Restore")] = "brought back a deleted question",
        [(typeof(Questions.EditModel), "GET", "")] = "opened a question",
        [(typeof(Questions.EditModel), "POST", "")] = "changed a question",
        [(typeof(Questions.SuggestionsModel), "GET", "")] = "opened the suggested questions",
        [(typeof(Questions.SuggestionsModel), "POST", "")] = "added suggested questions",
        [(typeof(Questions.PrintModel), "GET", "")] = "opened the questions to print",
        [(typeof(Questions.ReadingModel), "GET", "")] = "opened the reading list",
        [(typeof(Questions.ReadingModel), "POST", "Add")] = "added to the reading list",
        [(typeof(Questions.ReadingModel), "POST", "Remove")] = "removed from the reading list",
        [(typeof(Questions.ReadingModel), "POST", "Restore")] = "brought back an item on the reading list",

        [(typeof(Visits.IndexModel), "GET", "")] = "opened the visit page",
        [(typeof(Visits.IndexModel), "GET", "Calendar")] = "downloaded the visit's calendar file",
        [(typeof(Visits.IndexModel), "POST", "")] = "changed the visit",
        [(typeof(Visits.IndexModel), "POST", "Bring")] = "changed what to bring to the visit",
        [(typeof(Visits.BriefModel), "GET", "")] = "opened the visit brief",
        [(typeof(Visits.BriefModel), "POST", "")] = "changed the medicines list for the visit",

        [(typeof(Opinions.IndexModel), "GET", "")] = "opened the opinions page",
        [(typeof(Opinions.IndexModel), "POST", "Compare")] = "marked how the opinions compare",
        [(typeof(Opinions.IndexModel), "POST", "Finish")] = "wrote down the decision",
        [(typeof(Opinions.IndexModel), "POST", "Reopen")] = "opened the decision again",
        [(typeof(Opinions.EditModel), "GET", "")] = "opened an opinion",
        [(typeof(Opinions.EditModel), "POST", "")] = "added or changed an opinion",
        [(typeof(Opinions.DeleteModel), "GET", "")] = "opened the page to delete an opinion",
        [(typeof(Opinions.DeleteModel), "POST", "")] = "deleted an opinion",
    };

    /// <summary>Every (page, method, handler) in the table, for the test that checks none is missing.</summary>
    public static IReadOnlyCollection<(Type Page, string Method, string Handler)> Known => Phrases.Keys;

    /// <summary>The phrase for a handler; a handler missing from the table still leaves a line.</summary>
    public static string For(Type page, string method, string? handler)
    {
        var isRead = HttpMethods.IsGet(method);
        return Phrases.TryGetValue((page, isRead ? "GET" : "POST", handler ?? ""), out var phrase)
            ? phrase
            : isRead ? "opened a page of the plan" : "changed the plan";
    }
}
