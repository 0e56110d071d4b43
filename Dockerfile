# Multi-stage build for the Waybill command-side and query-side services.
# Both executable jars end up in the same image; docker-compose.yml picks
# which one to start via `command:`.

# ---- stage 1: build ---------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN chmod +x mvnw && ./mvnw -B -q -DskipTests package

# ---- stage 2: runtime -------------------------------------------------------
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar /app/command-side.jar
COPY --from=build /src/query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar /app/query-side.jar
EXPOSE 8081 8082
# Default: command side. Override with `command:` (see docker-compose.yml).
CMD ["java", "-jar", "/app/command-side.jar"]
