using System.Collections.ObjectModel;

namespace Cases.GraphQL.Engine.Types;

/// <summary>Fields in definition order, looked up by name. Supports collection initialisers.</summary>
public sealed class FieldList : KeyedCollection<string, FieldDefinition>
{
    protected override string GetKeyForItem(FieldDefinition item) => item.Name;

    public FieldDefinition? Find(string name) => TryGetValue(name, out var field) ? field : null;
}

/// <summary>Arguments or input fields in definition order, looked up by name.</summary>
public sealed class InputValueList : KeyedCollection<string, InputValueDefinition>
{
    protected override string GetKeyForItem(InputValueDefinition item) => item.Name;

    public InputValueDefinition? Find(string name) => TryGetValue(name, out var value) ? value : null;
}

/// <summary>Enum values in definition order, looked up by name.</summary>
public sealed class EnumValueList : KeyedCollection<string, EnumValueDefinition>
{
    protected override string GetKeyForItem(EnumValueDefinition item) => item.Name;

    public EnumValueDefinition? Find(string name) => TryGetValue(name, out var value) ? value : null;
}
