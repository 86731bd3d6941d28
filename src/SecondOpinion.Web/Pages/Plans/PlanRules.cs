using FluentValidation;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>Rules for the plan fields that more than one form asks for.</summary>
public static class PlanRules
{
    public static IRuleBuilderOptions<T, string?> ValidPatientName<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, PlanFor?> planFor) =>
        rule.Cascade(CascadeMode.Stop)
            .Must((input, name) => planFor(input) != PlanFor.SomeoneIHelp || !string.IsNullOrWhiteSpace(name))
                .WithMessage("Write the name of the person you are helping.")
            .MaximumLength(Plan.PatientNameMaxLength).WithMessage($"A name can be at most {Plan.PatientNameMaxLength} characters.");

    public static IRuleBuilderOptions<T, PlanFor?> ValidPlanFor<T>(this IRuleBuilderInitial<T, PlanFor?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose who the plan is for.")
            .IsInEnum().WithMessage("Choose who the plan is for.");

    public static IRuleBuilderOptions<T, string?> ValidAbout<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.MaximumLength(Plan.AboutMaxLength)
            .WithMessage($"Keep this to {Plan.AboutMaxLength} characters or fewer. You can write more in the notes of each step.");
}
