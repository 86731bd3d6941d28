using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Insurance;

/// <summary>Asks before a logged call is deleted, then deletes it.</summary>
public class DeleteCallModel(AppDbContext db) : ConfirmDeletePageModel<InsuranceCall>(db)
{
    [FromRoute(Name = "callId")]
    public int CallId { get; set; }

    public InsuranceCall Call => Item;

    protected override int ItemId => CallId;

    protected override string ListPath => "insurance";

    protected override string ChangedBySomeoneElse =>
        "Someone else changed this call a moment ago. Check it below, then delete again if you still want to.";

    protected override string Deleted => $"Deleted your call of {PlanTime.Describe(Call.CalledOn)}.";
}
