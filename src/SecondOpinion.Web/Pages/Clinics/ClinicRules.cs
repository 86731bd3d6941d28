using FluentValidation;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Account;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>The rules for a clinic's details and start links, shared by its pages and the <c>clinics add</c> command.</summary>
public static class ClinicRules
{
    public static IRuleBuilderOptions<T, string?> ValidClinicName<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Write the clinic's name.")
            .MaximumLength(Clinic.NameMaxLength).WithMessage($"A clinic's name can be at most {Clinic.NameMaxLength} characters.")
            .NoControlCharacters();

    public static IRuleBuilderOptions<T, string?> ValidStartLinkLabel<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the link a name, like Front desk.")
            .MaximumLength(StartLink.LabelMaxLength).WithMessage($"A name can be at most {StartLink.LabelMaxLength} characters.");

    /// <summary>The clinic's name and the first staff member's email, as the operator types them.</summary>
    public sealed record NewClinic(string? Name, string? Email);

    public sealed class NewClinicValidator : AbstractValidator<NewClinic>
    {
        public NewClinicValidator()
        {
            RuleFor(c => c.Name).ValidClinicName();
            RuleFor(c => c.Email).ValidInviteEmail();
        }
    }

    public sealed class DetailsInput
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? RecordsAddress { get; set; }
        public string? RecordsFax { get; set; }
        public int Version { get; set; }
    }

    public sealed class DetailsValidator : AbstractValidator<DetailsInput>
    {
        public DetailsValidator()
        {
            RuleFor(d => d.Name).ValidClinicName();
            RuleFor(d => d.Phone).PhoneNumber(Clinic.PhoneMaxLength);
            RuleFor(d => d.RecordsAddress).Cascade(CascadeMode.Stop)
                .AtMost(Clinic.AddressMaxLength);
            RuleFor(d => d.RecordsFax).PhoneNumber(Clinic.PhoneMaxLength);
        }
    }
}
