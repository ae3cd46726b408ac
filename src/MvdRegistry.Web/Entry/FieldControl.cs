namespace MvdRegistry.Web.Entry;

/// <summary>How a field is drawn.</summary>
public enum FieldControl { Text, Number, Date, Select, Radios, Checkboxes }
