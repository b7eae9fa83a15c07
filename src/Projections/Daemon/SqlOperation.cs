using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;
using Weasel.Core;
using Weasel.Storage;

namespace Cases.Projections.Daemon;

/// <summary>
/// One of a read model's statements as an operation of Marten's unit of work, so the daemon commits it with the
/// shard's progress. The read models write <c>$1..$n</c> positional SQL with typed parameters (column arrays
/// for <c>unnest</c>, nulls that carry their type); each <c>$n</c> is appended as a parameter of Marten's
/// command with the same value and <see cref="NpgsqlTypes.NpgsqlDbType"/>, which
/// <c>QueueSqlCommand</c>'s type inference from the value alone would not preserve (a <c>string[]</c> that is
/// jsonb[], a typed null).
/// </summary>
internal sealed partial class SqlOperation(NpgsqlBatchCommand command) : Marten.Internal.Operations.IStorageOperation, NoDataReturnedCall
{
    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Placeholder();

    // Marten makes sure the storage of each operation's document type exists before it runs a batch (unless
    // AutoCreate is None), and would take any other type for a document to create a table for. The read models'
    // tables are the migrations' business; the event store's storage, which this names, exists already.
    public Type DocumentType => typeof(JasperFx.Events.IEvent);

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, IStorageSession session)
    {
        var sql = command.CommandText;
        var at = 0;
        foreach (Match m in Placeholder().Matches(sql))
        {
            builder.Append(sql[at..m.Index]);
            var p = command.Parameters[int.Parse(m.Groups[1].ValueSpan) - 1];
            builder.AppendParameter(p.Value, p.NpgsqlDbType);
            at = m.Index + m.Length;
        }
        builder.Append(sql[at..]);
    }

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

    public OperationRole Role() => OperationRole.Other;

    public override string ToString() => command.CommandText;
}
