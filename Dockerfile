# The registry's production image: the web host and the command line (mvd), published together.
# Used by docker-compose.yml; not built by the tests (the build machines have no Docker engine).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/MvdRegistry.Web -c Release -o /app/web \
 && dotnet publish src/MvdRegistry.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app/web /app/web
COPY --from=build /app/cli /app/cli
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
WORKDIR /app/web
ENTRYPOINT ["dotnet", "/app/web/MvdRegistry.Web.dll"]
