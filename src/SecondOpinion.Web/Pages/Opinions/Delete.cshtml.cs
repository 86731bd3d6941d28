using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Opinions;

/// <summary>Asks before an opinion is deleted, then deletes it.</summary>
public class DeleteModel(AppDbContext db) : ConfirmDeletePageModel<Opinion>(db)
{
    [FromRoute(Name = "opinionId")]
    public int OpinionId { get; set; }

    public Opinion Opinion => Item;

    protected override int ItemId => OpinionId;

    protected override string ListPath => "opinions";

    protected override string ChangedBySomeoneElse =>
        "Someone else changed this opinion a moment ago. Check it below, then delete again if you still want to.";

    protected override string Deleted => $"Deleted {Opinion.Order.Label().ToLowerInvariant()}.";
}
