/* The libyaml floor of scripts/benchmark.sh: reads a file and produces every event of it with
 * yaml_parser_parse, doing nothing else; prints the events and the milliseconds of the best
 * of RUNS passes (the file is read into memory first, as catalyse reads it).
 *   gcc -O2 -o yaml-floor scripts/yaml-floor.c -lyaml && ./yaml-floor FILE [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <yaml.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: yaml-floor FILE [RUNS]\n"); return 2; }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? size : 1);
    if (fread(bytes, 1, size, f) != (size_t)size) { perror(argv[1]); return 1; }
    fclose(f);
    double times[64];
    long events = 0;
    if (runs < 1) runs = 1;
    if (runs > 64) runs = 64;
    for (int r = 0; r < runs; r++) {
        double start = now_ms();
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, bytes, size);
        events = 0;
        for (;;) {
            if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "yaml-floor: parse error\n"); return 1; }
            events++;
            int done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            if (done) break;
        }
        yaml_parser_delete(&parser);
        times[r] = now_ms() - start;
    }
    /* The median pass. */
    for (int i = 1; i < runs; i++) for (int j = i; j > 0 && times[j - 1] > times[j]; j--) { double t = times[j]; times[j] = times[j - 1]; times[j - 1] = t; }
    printf("%ld %.3f\n", events, times[runs / 2]);
    free(bytes);
    return 0;
}
