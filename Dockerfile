# Multi-stage build of the single skillpulse binary.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/skillpulse ./cmd/skillpulse

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/skillpulse /usr/local/bin/skillpulse
COPY config/example.yaml /etc/skillpulse/config.yaml
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/skillpulse"]
CMD ["run", "--config", "/etc/skillpulse/config.yaml"]
