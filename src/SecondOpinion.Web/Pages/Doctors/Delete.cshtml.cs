using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Doctors;

/// <summary>Asks before a doctor is taken off the list, then takes them off.</summary>
public class DeleteModel(AppDbContext db) : ConfirmDeletePageModel<Doctor>(db)
{
    [FromRoute(Name = "doctorId")]
    public int DoctorId { get; set; }

    public Doctor Doctor => Item;

    /// <summary>True when the plan's visit is with this doctor, so the page can say what deleting does to it.</summary>
    public bool IsVisitDoctor { get; private set; }

    protected override int ItemId => DoctorId;

    protected override string ListPath => "doctors";

    protected override string ChangedBySomeoneElse =>
        "Someone else changed this doctor a moment ago. Check the details below, then delete again if you still want to.";

    protected override string Deleted => $"{Doctor.Name} is no longer on your list.";

    protected override async Task LoadMoreAsync(CancellationToken cancellationToken) =>
        IsVisitDoctor = await Db.Visits.OfPlan(PlanId).AnyAsync(v => v.DoctorId == DoctorId, cancellationToken);
}
