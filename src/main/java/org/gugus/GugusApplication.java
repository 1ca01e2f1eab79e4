package org.gugus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GugusApplication {

    public static void main(String[] args) {
        SpringApplication.run(GugusApplication.class, args);
    }
}
