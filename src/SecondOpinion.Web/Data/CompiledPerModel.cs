using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SecondOpinion.Web.Data;

/// <summary>
/// A query compiled once instead of translated on every request, once per model: a compiled
/// query serves one model only, and SQLite's and PostgreSQL's differ (the tests of the copy
/// command run both in one process).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> byModel = new();

    public TQuery For(DbContext db) => byModel.GetOrAdd(db.Model, _ => compile());
}
