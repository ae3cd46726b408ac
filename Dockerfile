# The registry's production image: the web host and the command line (mvd), published together.
# Used by docker-compose.yml; not built by the tests (the build machines have no Docker engine).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: compiled ahead for the image's platform, so the host and each command start without
# compiling themselves first (an empty de-identified export: 1.9-2.1 s from the Release build, 1.24-1.28 s
# published; tests/bench.sh measures the command line published the same way).
RUN dotnet publish src/MvdRegistry.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app/web \
 && dotnet publish src/MvdRegistry.Cli -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app/web /app/web
COPY --from=build /app/cli /app/cli
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
WORKDIR /app/web
ENTRYPOINT ["dotnet", "/app/web/MvdRegistry.Web.dll"]
