namespace Cases.GraphQL.Engine;
internal static class EngineAssembly;
