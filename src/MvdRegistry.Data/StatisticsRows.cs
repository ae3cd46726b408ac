using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data;

/// <summary>
/// Reads the rows of <see cref="StatisticsQueries"/> (the SQL EF Core writes for them, with their parameters)
/// with a plain data reader straight into the Core records, and links them as they are read, as
/// <see cref="RegistryData.Link"/> would: a child whose operation is absent keeps a null parent. What it
/// saves over EF Core's own materialisation on a 100,000-patient registry is mostly memory kept alive, which the
/// garbage collector copies from generation to generation while the rows come in: children share their
/// operation's id string, records their parent's, and a code (a site, a status, an indication) is one string
/// however many rows hold it. On SQLite a date is parsed from its text directly.
/// </summary>
internal static class StatisticsRows
{
    /// <param name="beside">
    /// Read the follow-ups (two thirds of the rows) on a connection of their own while the other forms are read,
    /// when that connection sees what the context's sees: outside a transaction, on a database another connection
    /// can open (not SQLite in memory). Each query reads at its own moment either way, as five queries in turn did.
    /// </param>
    public static async Task<RegistryData> ReadAsync(RegistryDbContext db, StatisticsQueries queries, bool beside, CancellationToken ct)
    {
        var data = new RegistryData();
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var textDates = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(ct);
        await using var second = beside ? await SecondConnection.OpenAsync(db, ct) : null;
        Task<List<(string CaseId, FollowUp Visit)>>? visitsBeside = null;
        try
        {
            // Started first, on a thread of its own; linked to their operations once those are read.
            if (second is not null)
            {
                var (command, entity) = (Command(db, queries.FollowUps, second), Entity<FollowUp>(db));
                visitsBeside = Task.Run(() => FollowUpsAsync(entity, command, textDates, ct), ct);
            }

            var patients = new Dictionary<string, Patient>(StringComparer.Ordinal);
            await ReadAsync(db, queries.Patients, ["PatientId", "SiteCode", "BirthDate", "Sex", "ConsentStatus"], (r, c) =>
            {
                var patient = new Patient
                {
                    PatientId = r.GetString(c[0]), SiteCode = Code(r, c[1], codes), BirthDate = Date(r, c[2], textDates),
                    Sex = Code(r, c[3], codes), ConsentStatus = Code(r, c[4], codes),
                };
                patients[patient.PatientId] = patient;
                data.Patients.Add(patient);
            }, ct);

            var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
            await ReadAsync(db, queries.Operations,
                ["CaseId", "PatientId", "Indication", "Side", "Redo", "SymptomDurationMonths", "BotoxPrior", "SurgeryDate", "SurgeonCode",
                 "LsrIntraop", "VesselOp", "VesselPrimary", "DischargeDate", "PtaDbPreop", "SdsPctPreop"], (r, c) =>
            {
                var patientId = r.GetString(c[1]);
                var patient = patients.GetValueOrDefault(patientId);
                var operation = new Operation
                {
                    CaseId = r.GetString(c[0]), PatientId = patient?.PatientId ?? patientId, Indication = Code(r, c[2], codes),
                    Side = Code(r, c[3], codes), Redo = Code(r, c[4], codes), SymptomDurationMonths = Int(r, c[5]),
                    BotoxPrior = Code(r, c[6], codes), SurgeryDate = Date(r, c[7], textDates), SurgeonCode = Code(r, c[8], codes),
                    LsrIntraop = Code(r, c[9], codes), VesselOp = Code(r, c[10], codes), VesselPrimary = Code(r, c[11], codes),
                    DischargeDate = Date(r, c[12], textDates), PtaDbPreop = Decimal(r, c[13]), SdsPctPreop = Int(r, c[14]),
                    Patient = patient,
                };
                patient?.Operations.Add(operation);
                operations[operation.CaseId] = operation;
                data.Operations.Add(operation);
            }, ct);

            await ReadAsync(db, queries.Imaging, ["ImagingId", "CaseId", "NvcDetected", "VesselImg"], (r, c) =>
            {
                var (caseId, operation) = Parent(r.GetString(c[1]), operations);
                var study = new ImagingStudy
                {
                    ImagingId = r.GetString(c[0]), CaseId = caseId, NvcDetected = Code(r, c[2], codes), VesselImg = Code(r, c[3], codes),
                    Operation = operation,
                };
                operation?.Imaging.Add(study);
                data.Imaging.Add(study);
            }, ct);

            var visits = visitsBeside is not null ? await visitsBeside : await FollowUpsAsync(Entity<FollowUp>(db), Command(db, queries.FollowUps, null), textDates, ct);
            data.FollowUps.Capacity = visits.Count;
            foreach (var (read, visit) in visits)
            {
                var (caseId, operation) = Parent(read, operations);
                visit.CaseId = caseId;
                visit.Operation = operation;
                operation?.FollowUps.Add(visit);
                data.FollowUps.Add(visit);
            }

            await ReadAsync(db, queries.Complications,
                ["ComplicationId", "CaseId", "ComplicationType", "OnsetDate", "ClavienDindo", "Resolved", "ResolutionDate"], (r, c) =>
            {
                var (caseId, operation) = Parent(r.GetString(c[1]), operations);
                var complication = new Complication
                {
                    ComplicationId = r.GetString(c[0]), CaseId = caseId, ComplicationType = Code(r, c[2], codes),
                    OnsetDate = Date(r, c[3], textDates), ClavienDindo = Code(r, c[4], codes), Resolved = Code(r, c[5], codes),
                    ResolutionDate = Date(r, c[6], textDates), Operation = operation,
                };
                operation?.Complications.Add(complication);
                data.Complications.Add(complication);
            }, ct);
        }
        finally
        {
            // On a failure here, the follow-ups' reader ends before its connection is closed.
            if (visitsBeside is { IsCompleted: false }) await Task.WhenAny(visitsBeside);
            await db.Database.CloseConnectionAsync();
        }
        return data;
    }

    /// <summary>The follow-ups with the case id each names, unlinked: they may be read beside the operations.</summary>
    private static async Task<List<(string CaseId, FollowUp Visit)>> FollowUpsAsync(IEntityType entity, DbCommand command, bool textDates, CancellationToken ct)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var visits = new List<(string, FollowUp)>();
        await using (command)
            await ReadAsync(entity, command, ["FollowupId", "CaseId", "VisitDate", "HfsStatus", "BniPain", "PtaDb", "SdsPct"], (r, c) =>
                visits.Add((r.GetString(c[1]), new FollowUp
                {
                    FollowupId = r.GetString(c[0]), VisitDate = Date(r, c[2], textDates), HfsStatus = Code(r, c[3], codes),
                    BniPain = Code(r, c[4], codes), PtaDb = Decimal(r, c[5]), SdsPct = Int(r, c[6]),
                })), ct);
        return visits;
    }

    /// <summary>The query's own command (its SQL and parameters), on <paramref name="connection"/> when given, else in the context's transaction.</summary>
    private static DbCommand Command<T>(RegistryDbContext db, IQueryable<T> query, DbConnection? connection)
    {
        var command = query.CreateDbCommand();
        if (connection is not null) command.Connection = connection;
        else command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static async Task ReadAsync<T>(RegistryDbContext db, IQueryable<T> query, string[] properties, Action<DbDataReader, int[]> read, CancellationToken ct)
    {
        await using var command = Command(db, query, null);
        await ReadAsync(Entity<T>(db), command, properties, read, ct);
    }

    private static IEntityType Entity<T>(RegistryDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");

    /// <summary>Runs the command and hands each row to <paramref name="read"/> with the ordinals of <paramref name="properties"/>' columns.</summary>
    private static async Task ReadAsync(IEntityType entity, DbCommand command, string[] properties, Action<DbDataReader, int[]> read, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        // EF Core names a projected column after the property it fills ("patient_id" AS "PatientId").
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var ordinals = properties.Select(p => names.IndexOf(p) is var i and >= 0 ? i
            : names.IndexOf(entity.FindProperty(p)?.GetColumnName() ?? p) is var j and >= 0 ? j
            : throw new InvalidOperationException($"the {entity.ClrType.Name} query has no column for {p}: {string.Join(", ", names)}")).ToArray();
        while (await reader.ReadAsync(ct)) read(reader, ordinals);
    }

    private static (string CaseId, Operation? Operation) Parent(string caseId, Dictionary<string, Operation> operations) =>
        operations.TryGetValue(caseId, out var operation) ? (operation.CaseId, operation) : (caseId, null);

    private static string? Code(DbDataReader r, int i, Dictionary<string, string> codes)
    {
        if (r.IsDBNull(i)) return null;
        var text = r.GetString(i);
        if (codes.TryGetValue(text, out var shared)) return shared;
        codes[text] = text;
        return text;
    }

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static decimal? Decimal(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    /// <summary>On SQLite (text dates) through <see cref="PlainDates"/>; otherwise as the provider reads it.</summary>
    private static DateOnly? Date(DbDataReader r, int i, bool text) =>
        text ? PlainDates.Read(r, i) : r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
