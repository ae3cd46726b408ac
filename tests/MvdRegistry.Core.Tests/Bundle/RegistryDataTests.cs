using System.Security.Cryptography;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Demo;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Tests.Bundle;

/// <summary>Records in memory linked from their keys, and the hashing stream a bundle file is read through.</summary>
public sealed class RegistryDataTests
{
    [Fact]
    public void All_lists_every_record_parents_before_children()
    {
        var data = DemoGenerator.Generate(5, seed: 3, MemoryBundle.Today);

        Assert.Equal([.. data.Patients, .. data.Operations, .. data.Imaging, .. data.FollowUps, .. data.Complications], data.All());
    }

    [Fact]
    public void Linking_again_sets_each_parent_and_lists_each_child_once()
    {
        var data = DemoGenerator.Generate(20, seed: 3, MemoryBundle.Today);
        Assert.NotEmpty(data.Imaging);
        Assert.NotEmpty(data.Complications);
        var counts = data.Operations.Select(o => (o.Imaging.Count, o.FollowUps.Count, o.Complications.Count)).ToList();
        data.Unlink();
        Assert.All(data.All(), r => Assert.Null(r switch { Operation o => o.Patient, ImagingStudy i => i.Operation, FollowUp f => f.Operation, Complication c => c.Operation, _ => null }));
        Assert.All(data.Operations, o => Assert.Equal((0, 0, 0), (o.Imaging.Count, o.FollowUps.Count, o.Complications.Count)));
        Assert.All(data.Patients, p => Assert.Empty(p.Operations));

        data.Link().Link();

        Assert.Equal(counts, data.Operations.Select(o => (o.Imaging.Count, o.FollowUps.Count, o.Complications.Count)));
        Assert.Equal(data.Operations.Count, data.Patients.Sum(p => p.Operations.Count));
        Assert.All(data.Imaging, s => Assert.Contains(s, Assert.IsType<Operation>(s.Operation).Imaging));
        Assert.All(data.FollowUps, f => Assert.Contains(f, Assert.IsType<Operation>(f.Operation).FollowUps));
        Assert.All(data.Complications, c => Assert.Contains(c, Assert.IsType<Operation>(c.Operation).Complications));
        Assert.All(data.Operations, o => Assert.Equal(o.CaseId, o.Patient?.Operations.Single(x => x == o).CaseId));
        Assert.Contains(data.Operations, o => o.Complications.Count > 0);
    }

    [Fact]
    public void A_child_whose_parent_is_absent_keeps_a_null_parent()
    {
        var data = new RegistryData();
        data.Add(new FollowUp { FollowupId = "F1", CaseId = "C404" });
        data.Add(new ImagingStudy { ImagingId = "I1", CaseId = "C404" });

        data.Link();

        Assert.Null(data.FollowUps[0].Operation);
        Assert.Null(data.Imaging[0].Operation);
    }

    [Fact]
    public void The_hashing_stream_hashes_what_was_read_and_closes_the_file_it_reads()
    {
        var bytes = "patient_id\r\nP1\r\n"u8.ToArray();
        var inner = new MemoryStream(bytes);

        using (var stream = new HashingReadStream(inner))
        {
            stream.CopyTo(Stream.Null);
            Assert.Equal(SHA256.HashData(bytes), stream.Hash());
            Assert.False(stream.CanSeek);
            Assert.False(stream.CanWrite);
        }

        Assert.False(inner.CanRead);
    }
}
