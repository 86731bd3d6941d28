using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SecondOpinion.Web.Pages.Shared.Forms;

/// <summary>
/// Reads a yes/no field as ticked or not, whatever was sent: a browser sends "on" for a
/// checkbox without a value, and a hand-made post can send anything. A value that is not "true",
/// "on" or "1" is not ticked, and only "true" or "false" is kept for showing the form again
/// (the checkbox tag helper cannot show any other value).
/// </summary>
public sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (sent == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var ticked = sent.FirstValue is "true" or "True" or "on" or "1";
        var kept = ticked ? "true" : "false";
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, kept, kept);
        bindingContext.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(bool) ? new CheckboxBinder() : null;
    }
}
