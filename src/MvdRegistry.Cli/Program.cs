Console.WriteLine("mvd");
