namespace Cases.Projections;
internal static class ProjectionsAssembly;
