# Gugus as a container, for those who run Docker. Build the jar first: ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home gugus
WORKDIR /opt/gugus
COPY target/gugus.jar gugus.jar
COPY routes routes
COPY jobs jobs
RUN mkdir -p /var/lib/gugus && chown gugus /var/lib/gugus
USER gugus
ENV GUGUS_HOME=/var/lib/gugus
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "gugus.jar"]
