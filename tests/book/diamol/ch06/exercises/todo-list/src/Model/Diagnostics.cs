namespace ToDoList.Model
{
    public class Diagnostics
    {
        public string OSArchitecture { get; set; }

        public string OSDescription { get; set; }

        public string HostName { get; set; }

        public string FrameworkDescription { get; set; }
    }
}
