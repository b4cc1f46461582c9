using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Switchboard.Functions;
using Switchboard.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSwitchboard();
builder.Services.AddSwitchboardTelemetry(builder.Configuration);
builder.Build().Run();
