namespace Switchboard.Identity.Synthetic;

/// <summary>Invented-for-testing name, street and place pools (common US names; no real person's data).</summary>
internal static class NamePools
{
    public static readonly string[] MaleFirst = Split(
        "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark " +
        "Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob " +
        "Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick " +
        "Raymond Jack Dennis Jerry Tyler Aaron Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy Ethan " +
        "Carl Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Lawrence Jesse Joe Bryan Billy Jordan Albert " +
        "Dylan Bruce Willie Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis Philip Bobby " +
        "Johnny Bradley Aiden Liam Mason Caleb Owen Hunter Wyatt Isaac Landon Colton Dominic Miles Theodore Xavier");

    public static readonly string[] FemaleFirst = Split(
        "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra " +
        "Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura " +
        "Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra " +
        "Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren " +
        "Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison " +
        "Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly " +
        "Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Ava Mia Harper Chloe Zoe Leah");

    public static readonly string[] HispanicMaleFirst = Split(
        "José Juan Luis Carlos Jesús Francisco Miguel Antonio Alejandro Manuel Pedro Ricardo Fernando Jorge Roberto " +
        "Eduardo Rafael Guillermo Ignacio Enrique Salvador Rodrigo Alberto Héctor Raúl Sergio Andrés Óscar Ramón Víctor");

    public static readonly string[] HispanicFemaleFirst = Split(
        "María Guadalupe Rosa Ana Carmen Josefina Dolores Teresa Verónica Alejandra Adriana Gabriela Leticia Marisol " +
        "Mercedes Rosario Socorro Consuelo Beatriz Isabel Yolanda Lucía Elena Patricia Silvia Claudia Sofía Inés Raquel Luz");

    public static readonly string[] AsianFirst = Split(
        "Wei Jing Li Min Hui Ying Jun Hao Lan Mei Hiroshi Yuki Kenji Aiko Takeshi Sakura Minh Linh Anh Thanh Tuan " +
        "Hoa Duc Ji-woo Min-jun Seo-yeon Ha-eun Jae Soo-ah Yuna");

    public static readonly (string Name, int Weight)[] Surnames = Weighted(
        "Smith:100 Johnson:80 Williams:70 Brown:65 Jones:60 Miller:50 Davis:50 Wilson:35 Anderson:33 Taylor:33 " +
        "Thomas:32 Moore:30 Jackson:30 Martin:30 Lee:30 Thompson:28 White:28 Harris:26 Clark:24 Lewis:23 Robinson:23 " +
        "Walker:22 Young:21 Allen:21 King:20 Wright:20 Scott:19 Hill:19 Green:18 Adams:18 Baker:18 Nelson:17 " +
        "Carter:17 Mitchell:17 Roberts:16 Turner:16 Phillips:15 Campbell:15 Parker:15 Evans:14 Edwards:14 Collins:14 " +
        "Stewart:14 Morris:13 Murphy:13 Cook:13 Rogers:13 Morgan:12 Peterson:12 Cooper:12 Reed:12 Bailey:12 Bell:11 " +
        "Kelly:11 Howard:11 Ward:11 Cox:10 Richardson:10 Wood:10 Watson:10 Brooks:10 Bennett:10 Gray:10 James:10 " +
        "Hughes:9 Price:9 Sanders:9 Myers:9 Long:9 Ross:9 Foster:9 Powell:8 Jenkins:8 Perry:8 Russell:8 Sullivan:8 " +
        "Butler:8 Barnes:8 Fisher:8 Henderson:8 Coleman:8 Simmons:7 Patterson:7 Jordan:7 Reynolds:7 Hamilton:7 " +
        "Graham:7 Wallace:7 West:7 Cole:7 Hayes:7 Bryant:7 Gibson:7 Ellis:7 Stevens:6 Murray:6 Ford:6 Marshall:6 " +
        "Owens:6 McDonald:6 Harrison:6 Kennedy:6 Wells:6 Alexander:5 Griffin:5 Hunter:5 O'Brien:5 O'Connor:5 " +
        "McCarthy:4 MacLeod:3 St. John:3 Van Buren:3 DeLuca:3 D'Angelo:3 Kowalski:3 Schmidt:4 Müller:3 Novak:3 " +
        "Dubois:3 Lefèvre:2 Rossi:3 Russo:3 Bianchi:2 Kaur:3 Singh:5 Patel:6 Shah:3 Khan:4 Ahmed:4 Ali:4 Hassan:3 " +
        "Cohen:4 Levy:3 Friedman:2 Okafor:2 Mensah:2 Abebe:2 Ivanov:2 Petrov:2 Larsen:2 Nilsson:2 Byrne:2 Quinn:3 " +
        "Fitzgerald:3 Whitfield:1 Ashworth:1 Pemberton:1 Blackwood:1 Thornton:2 Caldwell:2 Holloway:1 Winslow:1");

    public static readonly (string Name, int Weight)[] HispanicSurnames = Weighted(
        "García:60 Rodríguez:50 Martínez:50 Hernández:50 López:45 González:45 Pérez:35 Sánchez:35 Ramírez:30 " +
        "Torres:28 Flores:28 Rivera:26 Gómez:25 Díaz:25 Cruz:20 Morales:20 Reyes:20 Gutiérrez:18 Ortiz:18 Chávez:16 " +
        "Ramos:16 Ruiz:15 Mendoza:15 Álvarez:15 Castillo:14 Jiménez:14 Vásquez:13 Moreno:13 Romero:13 Herrera:12 " +
        "Medina:12 Aguilar:11 Vargas:11 Guzmán:10 Muñoz:10 Peña:10 Castro:10 Delgado:9 Ortega:9 Soto:9 Contreras:8 " +
        "Salazar:8 Luna:8 Espinoza:7 Ibarra:6 Cervantes:6 Villanueva:5 De la Cruz:5 Del Río:3 Zúñiga:4 Quiñones:3 " +
        "Olivares:3 Barrientos:2 Arellano:3");

    public static readonly (string Name, int Weight)[] AsianSurnames = Weighted(
        "Nguyen:40 Tran:20 Le:15 Pham:12 Wang:25 Li:25 Zhang:22 Chen:22 Liu:18 Yang:12 Huang:12 Zhao:8 Wu:10 Zhou:8 " +
        "Kim:30 Park:18 Choi:10 Jung:8 Kang:6 Tanaka:6 Suzuki:6 Takahashi:5 Watanabe:5 Sato:6 Yamamoto:5 Nakamura:4");

    public static readonly string[] Streets = Split(
        "Main Oak Maple Cedar Pine Elm Washington Lake Hill Park Sunset Lincoln Jackson Highland Meadow Forest River " +
        "Church Willow Spring Ridge Valley Franklin Jefferson Madison Adams Cherry Walnut Chestnut Birch Dogwood Magnolia " +
        "Lakeview Fairview Riverside Westwood Greenwood Briarwood Hickory Sycamore Peachtree Mockingbird Bluebonnet " +
        "Live Oak Harvest Prairie Canyon Mesa Vista Sierra Alamo Lamar Travis Bowie Crockett Houston Austin Colonial");

    public static readonly (string Full, string Usps)[] StreetTypes =
    [
        ("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Drive", "Dr"), ("Lane", "Ln"), ("Boulevard", "Blvd"),
        ("Court", "Ct"), ("Place", "Pl"), ("Way", "Way"), ("Circle", "Cir"), ("Parkway", "Pkwy"), ("Terrace", "Ter"),
    ];

    public static readonly (string City, string State, string ZipPrefix, string Area)[] Places =
    [
        ("Houston", "TX", "770", "713"), ("Houston", "TX", "770", "832"), ("Pasadena", "TX", "775", "281"),
        ("Sugar Land", "TX", "774", "281"), ("Dallas", "TX", "752", "214"), ("Austin", "TX", "787", "512"),
        ("San Antonio", "TX", "782", "210"), ("Boston", "MA", "021", "617"), ("Cambridge", "MA", "021", "617"),
        ("Worcester", "MA", "016", "508"), ("Newark", "NJ", "071", "973"), ("Hartford", "CT", "061", "860"),
        ("Providence", "RI", "029", "401"), ("Portland", "ME", "041", "207"), ("Chicago", "IL", "606", "312"),
        ("Phoenix", "AZ", "850", "602"), ("Denver", "CO", "802", "303"), ("Atlanta", "GA", "303", "404"),
        ("Miami", "FL", "331", "305"), ("Seattle", "WA", "981", "206"), ("Los Angeles", "CA", "900", "213"),
        ("San Jose", "CA", "951", "408"), ("Burlington", "VT", "054", "802"), ("Manchester", "NH", "031", "603"),
    ];

    public static readonly string[] EmailDomains = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com", "icloud.com", "mail.com"];

    private static string[] Split(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(x => x.Replace('_', ' ')).ToArray();

    private static (string, int)[] Weighted(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Aggregate(new List<string>(), (acc, token) =>
        {
            // Multi-word names ("De la Cruz:5") arrive split on spaces: glue tokens until one carries a weight.
            if (acc.Count > 0 && !acc[^1].Contains(':', StringComparison.Ordinal))
            {
                acc[^1] += " " + token;
            }
            else
            {
                acc.Add(token);
            }

            return acc;
        })
        .Select(x => (x[..x.LastIndexOf(':')], int.Parse(x[(x.LastIndexOf(':') + 1)..])))
        .ToArray();
}
