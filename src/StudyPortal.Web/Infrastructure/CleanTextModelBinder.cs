using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StudyPortal.Web.Infrastructure;

/// <summary>
/// Binds every string a form or query sends through <see cref="UserText.Clean"/>, so no page stores a character that
/// XML cannot hold (an export would fail on it). Otherwise it binds as MVC's own binder does: empty or white space
/// becomes null where the model asks for that (the default).
/// </summary>
public sealed class CleanTextModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue is { } first ? UserText.Clean(first) : null;
        if (string.IsNullOrWhiteSpace(text) && bindingContext.ModelMetadata.ConvertEmptyStringToNull) text = null;
        bindingContext.Result = ModelBindingResult.Success(text);
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="CleanTextModelBinder"/> in front of MVC's binder for strings.</summary>
public sealed class CleanTextModelBinderProvider : IModelBinderProvider
{
    private static readonly CleanTextModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType == typeof(string) && !context.Metadata.IsComplexType ? Binder : null;
}
