using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SecondOpinion.Web.Pages.Shared.Forms;

/// <summary>What a person reads when a value cannot even be read (a date that is not a date).</summary>
public static class PlainBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => "Check this. It is not in a form we can read.");
        messages.SetValueIsInvalidAccessor(_ => "Check this. It is not in a form we can read.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Check this. It is not in a form we can read.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Check this. It is not in a form we can read.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Check this. It is not in a form we can read.");
        messages.SetValueMustBeANumberAccessor(_ => "Enter a number, like 3.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number, like 3.");
        messages.SetValueMustNotBeNullAccessor(_ => "Fill this in.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Fill this in.");
        messages.SetMissingKeyOrValueAccessor(() => "Fill this in.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Fill this in.");
    }
}
