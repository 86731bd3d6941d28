using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SecondOpinion.Web.Pages.Shared.Forms;

public static class ValidationExtensions
{
    /// <summary>
    /// Runs a FluentValidation validator and puts its messages beside the fields they are about.
    /// Returns true when the whole form (including values that could not be read) is valid.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(
        this IValidator<T> validator, T input, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            if (modelState[key]?.Errors.Count is null or 0)
            {
                modelState.AddModelError(key, error.ErrorMessage);
            }
        }

        return modelState.IsValid;
    }
}
