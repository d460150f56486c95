# Catalog Bridge: build the jar with Maven, run it on a JRE as a non-root user.

# --- build ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first: this layer is rebuilt only when pom.xml changes
COPY pom.xml ./
RUN mvn -B dependency:go-offline
COPY application.yaml application-demo.yaml ./
COPY routes/ routes/
COPY src/ src/
RUN mvn -B -DskipTests package \
 && cp target/catalog-bridge-*.jar /build/catalog-bridge.jar

# --- run ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 catalogbridge \
 && useradd --system --uid 10001 --gid catalogbridge --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin catalogbridge \
 && mkdir -p /app/data \
 && chown -R catalogbridge:catalogbridge /app
WORKDIR /app
COPY --from=build --chown=catalogbridge:catalogbridge /build/catalog-bridge.jar /app/catalog-bridge.jar
USER catalogbridge
# the embedded PostgreSQL's data and the generated encryption key (data/ relative to the working directory)
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/catalog-bridge.jar"]
