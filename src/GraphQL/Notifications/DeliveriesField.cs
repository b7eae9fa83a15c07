using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Schema;
using NodaTime;
using Npgsql;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Notifications;

/// <summary>One delivery record as staff see it: the address masked.</summary>
public sealed record DeliveryRow(
    string Recipient, string Channel, string Kind, string Status, string? Address, string? Detail, long EventVersion, int Attempts, Instant UpdatedAt);

/// <summary>
/// <c>staffCase { notifications }</c> (issue 22, part 5): what was sent about the case, to whom, by which channel,
/// and how it went (sent, delivered, failed and why, held for quiet hours, no channel configured, skipped).
/// </summary>
public static class DeliveriesField
{
    static readonly ObjectType Delivery = new("NotificationDelivery")
    {
        Description = "One message about the case on one channel: to the reporter, an agency or the on-duty desk.",
        Fields =
        {
            Field<DeliveryRow>("recipient", NonNull(GString), d => d.Recipient, "reporter, reporter-reminder, agency:ID or on-duty."),
            Field<DeliveryRow>("channel", NonNull(GString), d => d.Channel, "email, sms, zalo or push."),
            Field<DeliveryRow>("kind", NonNull(GString), d => d.Kind, "What it told: received, verified, resolved, rating_reminder, agency_assigned, ..."),
            Field<DeliveryRow>("status", NonNull(GString), d => d.Status, "sending, sent, delivered, failed, held, no_channel or skipped."),
            Field<DeliveryRow>("address", GString, d => d.Address, "Masked (b***@example.vn); null after erasure."),
            Field<DeliveryRow>("detail", GString, d => d.Detail, "Why it failed, was held or skipped."),
            Field<DeliveryRow>("eventVersion", NonNull(GInt), d => (int)d.EventVersion),
            Field<DeliveryRow>("attempts", NonNull(GInt), d => d.Attempts),
            Field<DeliveryRow>("updatedAt", NonNull(CasesScalars.DateTime), d => d.UpdatedAt),
        },
    };

    public static FieldDefinition For(NpgsqlDataSource db) => new("notifications", ListOf(Delivery))
    {
        Description = "What was sent about this case, to whom, by which channel, and its delivery status (addresses masked).",
        Resolve = async ctx =>
        {
            var view = (StaffCaseView)ctx.Source!;
            await using var cmd = db.CreateCommand("""
                select recipient, channel, kind, status, address_masked, detail, event_version, attempts, updated_at
                from cases.notification_deliveries where case_id = $1 order by event_version, recipient, channel
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = view.State.Id });
            var rows = new List<object>();
            await using var r = await cmd.ExecuteReaderAsync(ctx.CancellationToken);
            while (await r.ReadAsync(ctx.CancellationToken))
                rows.Add(new DeliveryRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.GetInt64(6), r.GetInt32(7), Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.GetDateTime(8), DateTimeKind.Utc))));
            return rows;
        },
    };
}
