using System.Net;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Home;

public static class HomeEndpoint
{
    /// <summary>The registry's front page: what it holds. The data-entry pages come with sign-in.</summary>
    public static void MapHome(this WebApplication app) => app.MapGet("/", async (RegistryDbContext db) =>
    {
        var rows = new (string Label, int Count)[]
        {
            ("Sites", await db.Sites.CountAsync()),
            ("Patients", await db.Patients.CountAsync()),
            ("Operations", await db.Operations.CountAsync()),
            ("Imaging studies", await db.Imaging.CountAsync()),
            ("Follow-up visits", await db.FollowUps.CountAsync()),
            ("Complications", await db.Complications.CountAsync()),
        };
        var table = string.Concat(rows.Select(r => $"<tr><th scope=\"row\">{WebUtility.HtmlEncode(r.Label)}</th><td>{r.Count:N0}</td></tr>"));
        return Results.Content($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>MVD Registry</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}th,td{padding:.3rem 1rem;border-bottom:1px solid #ddd;text-align:left}td{text-align:right}</style>
            </head><body>
            <h1>MVD Registry</h1>
            <p>Microvascular decompression outcomes registry ({{WebUtility.HtmlEncode(db.Database.ProviderName)}}).</p>
            <table>{{table}}</table>
            <p><a href="/health">/health</a></p>
            </body></html>
            """, "text/html");
    });
}
