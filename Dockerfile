# Gugus as a container, for those who run Docker. Build the jar first: ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
# a fixed id, so the owner of a bind-mounted home can be set on the host (docker-compose.yml: GUGUS_UID)
RUN groupadd --system --gid 10001 gugus && useradd --system --uid 10001 --gid gugus --create-home gugus
WORKDIR /opt/gugus
COPY target/gugus.jar gugus.jar
COPY routes routes
COPY jobs jobs
COPY docker/healthcheck.sh healthcheck.sh
RUN mkdir -p /var/lib/gugus && chown gugus:gugus /var/lib/gugus
USER gugus
ENV GUGUS_HOME=/var/lib/gugus
EXPOSE 8080
# healthy = ready: folders writable, database reachable, sources configured (docs/deployment.md)
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD ["/opt/gugus/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "gugus.jar"]
