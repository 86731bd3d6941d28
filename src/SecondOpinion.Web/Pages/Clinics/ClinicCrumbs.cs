namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>The trail shown above every page of a clinic.</summary>
public sealed record ClinicCrumbs(Guid ClinicId, string ClinicName, string? Here);
