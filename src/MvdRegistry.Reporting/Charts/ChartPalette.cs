using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>Okabe and Ito's colours, told apart with every common colour-vision deficiency.</summary>
public static class ChartPalette
{
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color Green = Color.FromHex("#009E73");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");
    public static readonly Color Ink = Color.FromHex("#212529");
    public static readonly Color Grey = Color.FromHex("#6C757D");
}
